/** The choice of formats in a select: a blank board first, then each format by its short title. */
import { FORMAT_IDS, type Locale } from '../../../shared/api';
import { getFormat } from '../../../formats';

export function FormatOptions({ locale, blank }: { locale: Locale; blank: string }) {
  return (
    <>
      <option value="">{blank}</option>
      {FORMAT_IDS.map((id) => (
        <option key={id} value={id}>
          {getFormat(id).shortTitle[locale]}
        </option>
      ))}
    </>
  );
}
