/** Quotes with speaker and role, in the phrasings wire copy uses (sentences written for this test). */
import { describe, expect, it } from 'vitest';
import { extractFigures } from '../../lambdas/extract';
import { articleFromText } from './article';

const CASES: readonly [string, string | null, string | null][] = [
  ['“We have lost everything in the flood,” said Maria Lopez, 45, a farmer.', 'Maria Lopez', 'a farmer'],
  ['Interior Minister Rana Khan visited the site.\n“The situation is dire and getting worse,” Khan said.', 'Rana Khan', null],
  ['UN spokesman Stephane Dujarric told reporters: “We are deeply concerned about the situation.”', 'Stephane Dujarric', 'UN spokesman'],
  ['‘We are running out of everything,’ said aid worker John Mbeki.', 'John Mbeki', 'aid worker'],
  ['“It is the worst flooding in 50 years,” the governor, Mark Tan, told local television.', 'Mark Tan', 'the governor'],
  ['“The dam could collapse at any moment,” warned engineer Paulo Reis.', 'Paulo Reis', 'engineer'],
  ['Grace Okafor runs the clinic. Ms Okafor said the clinic had run out of drugs. “We turn away 50 mothers a day,” she said.', 'Grace Okafor', null],
  ['“This is a catastrophe for the whole region,” according to Dr Ana Silva of the health ministry.', 'Dr Ana Silva', null],
  ['“We will rebuild every single home,” President Luis Arce said on Monday.', 'Luis Arce', 'President'],
  ['“We will not stop until everyone is found,” said Colonel Ahmed Musa, the head of the rescue operation.', 'Colonel Ahmed Musa', 'the head of the rescue operation'],
  ['“The water came in within minutes,” police chief John Smith said.', 'John Smith', 'police chief'],
  ['“We need tents and clean water now,” Red Cross spokeswoman Jane Doe told AFP.', 'Jane Doe', 'Red Cross spokeswoman'],
  ['“Too many have died already,” the statement said, without naming anyone.', null, null],
  // Name particles, possessive roles, speakers named outside a quote and picked up by "he said".
  ['“The river took our house in one night,” said Ana Luísa da Costa, 52, outside the shelter.', 'Ana Luísa da Costa', null],
  ['“Every hour counts for the trapped crew,” Ridgeway Mining’s safety chief, Tomas Ekberg, told reporters.', 'Tomas Ekberg', 'Ridgeway Mining’s safety chief'],
  ['The port will stay closed, said harbour master Kofi Mensah. “We cannot risk another collision in the fog,” he said.', 'Kofi Mensah', null],
  ['“The water rose two metres in an hour,” said Rosa Mabote, 29, a trader who spent the night on a roof.', 'Rosa Mabote', 'a trader'],
  ['Its director, Lena Osei, said the clinic was full. “We are sending the mildest cases home early,” she told AFP.', 'Lena Osei', null],
  // Titles and initials with a full stop stay in the name and never cut it.
  ['“People cannot sleep, they cannot keep water cold,” said Dr. Sana Qureshi, an emergency physician at Jinnah Postgraduate Medical Centre.', 'Dr. Sana Qureshi', 'an emergency physician at Jinnah Postgraduate Medical Centre'],
  ['Lt. Col. Ali Reza told reporters: “We are holding the line at the bridge.”', 'Lt. Col. Ali Reza', null],
  ['“The road is open again for aid convoys,” said Gen. Mark Obi.', 'Gen. Mark Obi', null],
  ['“Our teams reached the village at dawn,” Prof. Anna Berg, a geologist, told reporters.', 'Prof. Anna Berg', 'a geologist'],
  ['“Most of the patients who died came late,” said K. Sudhakar Rao, the district health officer.', 'K. Sudhakar Rao', 'the district health officer'],
  ['“We ran out of oxygen before midnight,” Sgt. Paul Mensah of the St. Mary’s ambulance service said.', 'Sgt. Paul Mensah', null],
  ['Tom Obi runs the camp near the river. “We are out of tents and blankets,” said Mr. Obi.', 'Tom Obi', null],
];

describe('quotes', () => {
  it.each(CASES)('%s', (body, speaker, role) => {
    const [quote] = extractFigures(articleFromText(`T\n${body}`), { published: '2025-06-02' }).quotes;
    expect(quote).toBeDefined();
    expect(quote!.speaker).toBe(speaker);
    if (role !== null) expect(quote!.role).toBe(role);
  });

  it('gives a quote without attribution to the speaker of the quote before it', () => {
    const x = extractFigures(articleFromText('T\n“We ran out of water on Tuesday,” said Amina Diallo. “Nobody came to help us for three days.”'));
    expect(x.quotes.map((q) => q.speaker)).toEqual(['Amina Diallo', 'Amina Diallo']);
  });

  it('gives every piece of a statement quoted in pieces to its speaker, a group named before "they"', () => {
    const x = extractFigures(articleFromText([
      'T',
      'The heads of 11 humanitarian organisations warned on Monday that the city stood on the brink of disaster.',
      '“Too many have died already” and “even wars have laws”, they declared, in a joint statement.',
    ].join('\n')));
    expect(x.quotes.map((q) => [q.text, q.speaker])).toEqual([
      ['Too many have died already', 'heads of 11 humanitarian organisations'],
      ['even wars have laws', 'heads of 11 humanitarian organisations'],
    ]);
  });

  it('leaves a quote nobody is named for without a speaker, never a title alone', () => {
    const x = extractFigures(articleFromText('T\n“We have put beds in the corridors and we are running out of ice,” a doctor said. The Dr. on duty declined to comment.'));
    expect(x.quotes).toEqual([{ text: 'We have put beds in the corridors and we are running out of ice', speaker: null, role: null }]);
  });

  it('skips scare quotes and keeps an apostrophe inside a single-quoted statement', () => {
    const x = extractFigures(articleFromText('T\nThe ‘ceasefire’ failed. ‘Let’s call this what it is, a war crime,’ said Omar Haddad.'));
    expect(x.quotes).toEqual([{ text: 'Let’s call this what it is, a war crime', speaker: 'Omar Haddad', role: null }]);
  });
});
