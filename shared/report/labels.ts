/** The post-meeting report's fixed wording, Polish first (the form's own fields are in reportForm.ts). */
import type { Locale } from '../api';

export interface ReportLabels {
  heading: string;
  /** What the file is, in its download name. */
  fileName: string;
  board: string;
  stepsRun: string;
  duration: string;
  attendance: string;
  people: string;
  cities: string;
  city: (name: string) => string;
  withoutCity: string;
  hosts: string;
  observers: string;
  field: string;
  value: string;
}

export const REPORT_LABELS: Record<Locale, ReportLabels> = {
  pl: {
    heading: 'Sprawozdanie ze spotkania',
    fileName: 'Sprawozdanie',
    board: 'Tablica',
    stepsRun: 'Przeprowadzone kroki',
    duration: 'Czas trwania',
    attendance: 'Frekwencja',
    people: 'Osoby reprezentujące miasta',
    cities: 'Liczba miast',
    city: (name) => `Miasto: ${name}`,
    withoutCity: 'Osoby bez wskazanego miasta',
    hosts: 'Osoby prowadzące',
    observers: 'Osoby obserwujące',
    field: 'Pole',
    value: 'Wartość',
  },
  en: {
    heading: 'Post-meeting report',
    fileName: 'Report',
    board: 'Board',
    stepsRun: 'Steps run',
    duration: 'Length',
    attendance: 'Attendance',
    people: 'City representatives',
    cities: 'Number of cities',
    city: (name) => `City: ${name}`,
    withoutCity: 'People without a city',
    hosts: 'Hosts',
    observers: 'Observers',
    field: 'Field',
    value: 'Value',
  },
};
