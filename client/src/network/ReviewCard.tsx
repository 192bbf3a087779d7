/**
 * On a network meeting's board, for hosts: the actions of the previous meeting with a status to set
 * (zrobione / w toku / niezrobione / porzucone). Each status is its own session key, so the two
 * hosts never overwrite each other; the meeting's note reads them.
 */
import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { useBoardTools, useSessionField } from '../board/BoardContext';
import { useI18n } from '../i18n';
import { readReview, REVIEW_STATUS_LABELS, REVIEW_STATUS_PREFIX, REVIEW_STATUSES, ReviewState, ReviewStatusValue } from '../../../shared/network/review';

export function ReviewCard() {
  const { t, locale } = useI18n();
  const { sessionMap, setSession } = useBoardTools();
  const raw = useSessionField<unknown>('review');
  // The statuses are keys of their own: re-read when one changes.
  useStatusChanges(sessionMap);
  const parsed = ReviewState.safeParse(raw);
  if (!parsed.success) return null;
  const review = readReview(sessionMap.toJSON() as Record<string, unknown>)!;
  return (
    <section className="review-card" aria-labelledby="review-heading">
      <h3 id="review-heading">
        {t('reviewHeading')} <span className="hint">({`${t('reviewFrom')} ${review.fromNumber}`})</span>
      </h3>
      <p className="hint">{t('reviewCardHelp')}</p>
      {review.items.length === 0 ? (
        <p className="hint">{t('reviewNone')}</p>
      ) : (
        <ul className="review-items">
          {review.items.map((item) => {
            const label = [item.what, item.who, item.due].filter(Boolean).join(' — ');
            return (
              <li key={item.id}>
                <label>
                  {label}
                  <select
                    value={item.status ?? ''}
                    onChange={(e) => {
                      const value = ReviewStatusValue.safeParse(e.target.value);
                      if (value.success) setSession(REVIEW_STATUS_PREFIX + item.id, value.data);
                      else sessionMap.delete(REVIEW_STATUS_PREFIX + item.id);
                    }}
                  >
                    <option value="">{t('statusUnset')}</option>
                    {REVIEW_STATUSES.map((status) => (
                      <option key={status} value={status}>
                        {REVIEW_STATUS_LABELS[locale][status]}
                      </option>
                    ))}
                  </select>
                </label>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

/** Re-renders whenever a status key changes. */
function useStatusChanges(sessionMap: Y.Map<unknown>): void {
  const [, setTick] = useState(0);
  useEffect(() => {
    const observer = (event: Y.YMapEvent<unknown>) => {
      if ([...event.keysChanged].some((key) => key.startsWith(REVIEW_STATUS_PREFIX))) setTick((t) => t + 1);
    };
    sessionMap.observe(observer);
    return () => sessionMap.unobserve(observer);
  }, [sessionMap]);
}
