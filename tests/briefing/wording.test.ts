/** What a figure is called beside its number (figures built for this test). */
import { describe, expect, it } from 'vitest';
import type { Figure } from '../../lambdas/extract/types';
import { conversionNote, figureLabel, placeOf, withoutUnit } from '../../lambdas/briefing/wording';

const figure = (over: Partial<Figure>): Figure => ({
  id: 'f1', value: 1, max: null, text: '1', qualifier: 'exact', unit: null, category: 'other', subject: '', label: '',
  place: null, date: null, source: null, sentence: '', span: [0, 1], key: true, ...over,
});

describe('figure labels', () => {
  it('drop the unit the number already shows', () => {
    expect(withoutUnit('rain mm', 'mm')).toBe('rain');
    expect(withoutUnit('Temperatures °C', '°C')).toBe('Temperatures');
    expect(withoutUnit('% contained', '%')).toBe('contained');
    expect(withoutUnit('emergency aid', 'COP')).toBe('emergency aid');
  });

  it('say rain is "of rain", and where it fell', () => {
    const rain = figure({ value: 220, text: 'more than 220 mm', unit: 'mm', category: 'quantity', subject: 'rain in', label: 'rain mm', place: 'Sofala',
      sentence: 'Forecasters measured more than 220 mm of rain in 24 hours in parts of Sofala province.' });
    expect(figureLabel(rain, '')).toBe('of rain in Sofala');
  });

  it('name the river whose level rose to a record, and its gauge', () => {
    const level = figure({ value: 8.4, text: '8.4 metres', unit: 'm', category: 'quantity', subject: 'record level', label: 'record level m', place: 'Šabac',
      sentence: 'The river reached a record level of 8.4 metres at the Šabac gauge.' });
    expect(figureLabel(level, 'Torrential rain pushed the Sava river over its banks.')).toBe('Sava at Šabac, a record');
  });

  it('put a measure "at" a place only when "at" and at most two words come right before it', () => {
    const gauge = (sentence: string) => figureLabel(figure({ value: 4.1, text: '4.1 metres', unit: 'm', category: 'quantity', subject: 'water level',
      label: 'water level m', place: 'Kisumu', sentence }), '');
    expect(gauge('The water level stood at 4.1 metres at the Nyando bridge gauge Kisumu.')).toBe('Water level in Kisumu');
    expect(gauge('The water level stood at 4.1 metres at the Nyando gauge, Kisumu.')).toBe('Water level in Kisumu');
    expect(gauge('The water level stood at 4.1 metres at the Nyando Kisumu gauge.')).toBe('Water level at Kisumu');
    // The place named twice: the second mention is the one "at" points to.
    expect(gauge('The water level rose to 4.1 metres, Kisumu officials said, at the Kisumu gauge.')).toBe('Water level at Kisumu');
    expect(gauge('The water level rose to 4.1 metres in Kisumu, officials said.')).toBe('Water level in Kisumu');
  });

  it('leave out a place the sentence gives to another clause', () => {
    const heat = figure({ value: 49.5, text: '49.5C', unit: '°C', category: 'quantity', subject: 'temperature', label: 'temperature °C', place: 'Karachi',
      sentence: 'The province recorded a temperature of 49.5C on Sunday, and hospitals in Karachi said they were full.' });
    expect(placeOf(heat)).toBeNull();
    expect(figureLabel(heat, '')).toBe('Temperature');
    expect(placeOf({ ...heat, sentence: 'Karachi recorded a temperature of 49.5C on Sunday.' })).toBe('Karachi');
  });
});

describe('conversion notes', () => {
  it('give the amount in the other currency the article states, in US$ beside a peso', () => {
    const aid = figure({ value: 2.5e9, unit: 'COP', category: 'money', text: '2,500 million Colombian pesos', mentions: [{ text: 'about $600,000', span: [0, 1] }] });
    expect(conversionNote(aid)).toBe('about US$600,000');
    expect(conversionNote({ ...aid, unit: 'INR', mentions: [{ text: 'about $140 million', span: [0, 1] }] })).toBe('about US$140 million');
  });

  it('give a measure in the other unit as written, and nothing for a restatement', () => {
    expect(conversionNote(figure({ value: 135, unit: 'km/h', category: 'quantity', mentions: [{ text: '84 mph', span: [0, 1] }] }))).toBe('84 mph');
    expect(conversionNote(figure({ value: 2117, unit: 'people', category: 'injured', mentions: [{ text: 'more than 2,000', span: [0, 1] }] }))).toBeNull();
    expect(conversionNote(figure({ value: 38, unit: '%', category: 'percentage', mentions: [{ text: 'nearly 40 per cent', span: [0, 1] }] }))).toBeNull();
  });
});
