/** The parsed layout document: a plain tree of the template vocabulary (templates/README.md). */
export interface DocNode {
  readonly name: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: readonly DocChild[];
  /** Line in the filled XML, for layout error messages. */
  readonly line: number;
}

/** Text children are already whitespace-collapsed. */
export type DocChild = DocNode | string;
