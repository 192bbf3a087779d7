/**
 * The post-meeting report form as the programme defines it: the host fills it in after each
 * meeting. This file is data — a programme changes the form here (add, drop, reword or reorder
 * fields); the dialog, the .docx, the .csv and the .json follow. Keep a field's id once it is in
 * use: the hosts' answers are stored under it.
 */
import { ReportForm } from './formSchema';

export const REPORT_FORM: ReportForm = ReportForm.parse({
  fields: [
    { id: 'startTime', label: { pl: 'Godzina rozpoczęcia', en: 'Start time' }, kind: 'time', prefill: 'startTime' },
    { id: 'endTime', label: { pl: 'Godzina zakończenia', en: 'End time' }, kind: 'time', prefill: 'endTime' },
    { id: 'observers', label: { pl: 'Liczba osób obserwujących', en: 'Number of observers' }, kind: 'number', prefill: 'observers' },
    { id: 'topics', label: { pl: 'Tematy, nad którymi pracowano', en: 'Topics worked on' }, kind: 'longText', prefill: 'topics' },
    { id: 'products', label: { pl: 'Wypracowane produkty', en: 'Products worked out' }, kind: 'longText' },
    { id: 'problems', label: { pl: 'Napotkane problemy', en: 'Problems met' }, kind: 'longText' },
    { id: 'nextSteps', label: { pl: 'Kolejne kroki', en: 'Next steps' }, kind: 'longText', prefill: 'nextSteps' },
    { id: 'notes', label: { pl: 'Uwagi', en: 'Notes' }, kind: 'longText' },
  ],
});
