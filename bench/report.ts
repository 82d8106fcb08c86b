/** bench/results.md: the checks table first, then each section's detail and the machine. */
import type { BenchResults, Section } from './results';
import type { Verdict } from './targets';

const MARK: Record<Verdict, string> = { pass: '✅ pass', miss: '❌ miss', 'n/a': '— n/a' };

const table = (head: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | number | null>>): string =>
  [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.map((c) => (c === null ? '—' : String(c))).join(' | ')} |`)].join('\n');

function section<T>(title: string, s: Section<T> | undefined, body: (r: T) => string): string {
  if (!s) return '';
  if (s.status !== 'ok') return `### ${title}\n\nnot available: ${s.reason}\n`;
  return `### ${title}\n\n${body(s.result)}\n\n_${s.seconds} s; 1-min load average ${s.loadBefore} before, ${s.loadAfter} after._\n`;
}

const x = (ratio: number | null): string | null => (ratio === null ? null : `${ratio}×`);
const failures = (list: readonly string[]): string => (list.length === 0 ? '' : `\n\nNot available: ${list.map((f) => `\n- ${f}`).join('')}`);

/** The machine line and every figure against its target. */
function summaryBlocks(r: BenchResults): string[] {
  const m = r.machine;
  const merges = (r.merges ?? []).map((g) => ` Re-measured ${g.date}${g.machine ? ` on ${g.machine}` : ''} (load average ${g.loadAtStart} at start): ${g.sections.join(', ')}.`).join('');
  return [
    `Machine: ${m.cpu}, ${m.cores} cores, ${m.ramGB} GB RAM, Node ${m.node}, ${m.os}; ${m.chromium ?? 'Chromium not installed'}. Run ${m.date} (load average ${m.loadAtStart} at start).${m.extraCaCerts ? ' This environment sets NODE_EXTRA_CA_CERTS; every timed process runs without it, as on Lambda (bench/child.ts).' : ''}${merges}`,
    table(['Measure', 'Value', 'Target', 'Result'], r.checks.map((c) => [c.measure, c.value, c.target, MARK[c.verdict]])),
  ];
}

/** What the README carries: the summary, pointing at the full results for the detail. */
export function renderSummary(r: BenchResults): string {
  return [...summaryBlocks(r), 'MB = 2^20 bytes. Every section in detail (medians, p95s, per document) and the profiles of missed targets: `bench/results.md`.'].join('\n\n') + '\n';
}

export function renderMarkdown(r: BenchResults): string {
  const out: string[] = [`## Benchmark results${r.quick ? ' (quick run)' : ''}`, ...summaryBlocks(r), 'MB = 2^20 bytes.'];
  const { stages, throughput, scale, coldstart, cold, chromium, refusals, cli } = r.sections;
  out.push(section('Per stage, warm, one process (ms)', stages, (s) =>
    `${s.iterations} iterations per article after warm-up; dev set = ${s.articles} articles pooled. Render split: ${s.renderSplit}.\n\n`
    + table(['Stage', 'Seed median', 'Seed p95', 'Dev set median', 'Dev set p95'], s.rows.map((row) => [row.stage, row.seed?.median ?? null, row.seed?.p95 ?? null, row.devSet?.median ?? null, row.devSet?.p95 ?? null]))
    + failures(s.failures)));
  out.push(section('End-to-end throughput (`briefing batch`)', throughput, (t) =>
    `${t.articles} copies of the dev set; wall time from spawn to exit, including the CLI's start (\`briefing --help\` alone: ${t.cliStartMs} ms). Each \`--jobs\` ran ${t.rows[0]?.runsPerSecond?.length ?? 1} times, interleaved; a row is its run of median rate, beside the rate of every run.\n\n`
    + table(['--jobs', 'PDFs', 'Seconds', 'Briefings/s (wall)', 'Briefings/s (batch\'s own clock)', 'CPU ms per briefing (all threads)', 'Peak RSS MB', 'Every run, briefings/s (wall)', 'Note'], t.rows.map((row) => [row.jobs, `${row.pdfs}/${row.articles}`, row.seconds, row.briefingsPerSecond, row.batchReportedPerSecond, row.cpuMsPerBriefing, row.maxRssMB, row.runsPerSecond?.join(', ') ?? '—', row.note ?? '']))
    + '\n\nThe target is judged on the wall time; the batch\'s own figure leaves out the CLI\'s start. CPU per briefing includes the start of the CLI and of every worker (module loading, JIT warm-up): 100 briefings/s on 2 cores needs at most 20 ms.'));
  out.push(section('Scale: extraction by article size (fresh bundled process per size)', scale, (s) =>
    table(['Size', 'Bytes', 'Intake ms', 'Extraction ms', 'ms per KB', 'Figures', 'RSS before MB', 'Heap after intake MB', 'Heap after extraction MB', 'Peak RSS MB'], s.rows.map((row) => [`${row.sizeKB} KB`, row.bytes, row.intakeMs, row.extractMs, row.msPerKB, row.figures, row.rssBeforeMB, row.heapAfterIntakeMB, row.heapAfterExtractionMB, row.maxRssMB]))
    + `\n\nGrowth factor (ms per KB at the largest size ÷ at 64 KB): extraction ${s.growth?.factor ?? '—'}, intake ${s.intakeGrowth?.factor ?? '—'}. Peak RSS is the whole process (Node, bundled code, the article and its extraction).` + failures(s.failures)));
  out.push(section('Lambda cold start (handler bundles)', coldstart, (c) =>
    `Bundled with ${c.bundling}, the code cache trained as the CDK hook trains it. Import = \`await import(bundle)\` in a fresh \`node\` started with Lambda's flags for the stage's default memory (which find that cache); process = spawn to exit; "no code cache" = the same import in plain \`node\`, as a deployment built on another CPU or Node runs.\n\n`
    + table(['Handler', 'Bundle bytes', 'Other assets bytes', 'Font bytes', 'Import median ms', 'Import p95 ms', 'Import median ms, no code cache', 'Process median ms'], c.rows.map((row) => [row.handler, row.bundleBytes, row.otherAssetBytes, row.fontBytes, row.importMedianMs, row.importP95Ms, row.importPlainMedianMs ?? '—', row.processMedianMs]))
    + c.rows.map((row) => `\n\nLargest parts of the ${row.handler} bundle: ${row.composition.map((p) => `${p.package} ${Math.round(p.bytes / 1024)} KB`).join(', ')}.`).join('')
    + failures(c.failures)));
  out.push(section('Cold: the first briefing of a fresh process, beside `node -e 0` (issue 14)', cold, (c) =>
    `${c.runs} rounds; each round runs every row once as a fresh process, in an order rotated every round, so the load falls on all rows alike. Wall time from spawn to exit; the ratio is each median ÷ the median of \`node -e 0\`. CPU is the process's user + system time (all threads), peak RSS its largest resident size (GNU time). The seed article (${c.article}); bundles built with ${c.bundling}; the handler paths invoke the Lambda entries with one SQS event, their S3 and EventBridge answered from the local disk (bench/cold/local-aws.ts).\n\n`
    + table(['Path', 'Median ms', 'p95 ms', '÷ node -e 0', 'CPU ms', 'Peak RSS MB', 'Target', 'Did what it must', 'Result'], c.rows.map((row) => [row.what, row.medianMs, row.p95Ms, `${row.ratio}×`, row.cpuMs, row.peakRssMB, row.target ?? '', row.problem ?? 'yes', row.target ? MARK[row.verdict] : '']))
    + (c.chromiumOverOurs ? `\n\nChromium ÷ ours: ${c.chromiumOverOurs.pipeline}× the whole path, ${c.chromiumOverOurs.cli}× the command line's render.` : '')
    + (c.stages.length ? '\n\nThe cold cost of each step (the step-by-step child: the first call of each in a fresh process, medians; "start" is Node starting and loading the bundle):\n\n'
      + table(['Step', 'CPU ms', 'Wall ms'], c.stages.map((st) => [st.stage, st.cpuMs, st.wallMs])) : '')
    + (c.note ? `\n\nNote: ${c.note}.` : '')));
  out.push(section('Side by side: headless Chromium (cold process per document) vs ours', chromium, (c) =>
    c.skipped ? `skipped: ${c.skipped}` :
      `${c.chromium}, spawn to exit, HTML already written. Ours warm = in-process renderBriefing (extraction → PDF) median; ours cold bundled = a fresh \`node\` running the bundled pipeline (article → PDF, so intake and extraction too, which Chromium's time leaves out: what a cold Lambda pays beyond its runtime start); ours cold CLI = a fresh \`${c.cliCommand ?? 'node --import tsx bin/briefing.ts'} render\` (article → PDF). Ratios are Chromium ÷ ours.\n\n`
      + table(['Document', 'Chromium ms', 'Ours warm ms', 'Ours cold bundled ms', 'Ours cold CLI ms', 'Ratio warm', 'Ratio cold bundled', 'Ratio cold CLI', 'Chromium KB / pages', 'Ours KB / pages'], c.rows.map((row) => [row.document, row.chromiumMs, row.oursWarmMs, row.oursColdBundledMs, row.oursColdCliMs, `${row.ratioWarm}×`, x(row.ratioColdBundled), x(row.ratioCold), `${Math.round(row.chromiumBytes / 1024)} / ${row.chromiumPages ?? '?'}`, `${Math.round(row.oursBytes / 1024)} / ${row.oursPages ?? '?'}`]))
      + failures([...c.failures, ...c.rows.flatMap((row) => (row.note ? [`${row.document}: ${row.note}`] : []))])));
  out.push(section('Refusals: bad inputs through `briefing extract` (issue 3)', refusals, (f) =>
    `\`${f.command ?? 'node --import tsx bin/briefing.ts'} extract <file>\` from the project root, a fresh process per run, ${f.runs} runs per input; wall time from spawn to exit, so most of it is Node starting. The inputs are the CLI test's (tests/support/bad-inputs.ts).\n\n`
    + table(['Input', 'Median ms', 'Max ms', 'Reason given', 'Refused right', 'Result'], f.rows.map((row) => [`\`${row.input}\``, row.medianMs, row.maxMs, row.reason, row.problem ?? 'yes', MARK[row.verdict]]))));
  out.push(section('The command line\'s start: `briefing --help` and refusals beside `node -e 0` (issue 11)', cli, (c) =>
    `Each a fresh process from spawn to exit (\`${c.cli} …\`, from a folder holding the CLI test's bad inputs), ${c.runs} runs of each, interleaved in rotating order so the machine's load falls on all alike; the ratio is each median ÷ the median of \`node -e 0\`.\n\n`
    + table(['Command', 'Median ms', 'p95 ms', '÷ node -e 0', 'Target', 'Did what it must', 'Result'], [
      ['`node -e 0`', c.baseline.medianMs, c.baseline.p95Ms, '1×', '(baseline)', 'yes', ''],
      ...c.rows.map((row) => [`\`${row.command}\``, row.medianMs, row.p95Ms, `${row.ratio}×`, row.target, row.problem ?? 'yes', MARK[row.verdict]]),
    ])));
  if (r.profiles.length > 0) {
    out.push('### Profiles of missed targets (`node --cpu-prof`, self time)\n');
    for (const p of r.profiles) {
      if ('error' in p) { out.push(`- ${p.workload}: not available: ${p.error}\n`); continue; }
      out.push(`**${p.workload}** (${p.sampledMs} ms sampled). By package: ${p.packages.map((x) => `${x.package} ${x.share}%`).join(', ')}.\n`);
      out.push(table(['Function', 'File', 'Share'], p.top.map((h) => [`\`${h.function}\``, `\`${h.file}\``, `${h.share}%`])) + '\n');
    }
  }
  return out.filter((block) => block.trim() !== '').map((block) => block.trim()).join('\n\n') + '\n';
}
