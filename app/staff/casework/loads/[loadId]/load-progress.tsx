'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import type { LoadProgress } from '../load-status';

const EVERY_MS = 3000;

/**
 * The load's step and a bar of how far it has got. Without script the page's "Refresh" link shows it again; with
 * script the bar asks the progress route every few seconds while the load is unfinished, and when it finishes the
 * page is drawn again with the outcome. The words are in a polite live region: a screen reader hears each new step
 * when it is free, not each poll.
 */
export function LoadProgressBar({ loadId, initial }: { loadId: string; initial: LoadProgress }) {
  const [progress, setProgress] = useState(initial);
  const router = useRouter();
  useEffect(() => {
    if (progress.finished) return;
    let stopped = false;
    const timer = setTimeout(async () => {
      const response = await fetch(`/staff/casework/loads/${loadId}/progress`, { cache: 'no-store', headers: { accept: 'application/json' } }).catch(() => null);
      if (stopped || !response?.ok) return;
      const next = (await response.json()) as LoadProgress;
      if (stopped) return;
      setProgress(next);
      if (next.finished) router.refresh();
    }, EVERY_MS);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [loadId, progress, router]);

  return (
    <div className="govuk-form-group">
      <p className="govuk-body govuk-!-margin-bottom-2" aria-live="polite">
        <strong className={`govuk-tag ${progress.tag}`}>{progress.text}</strong>
      </p>
      <label className="govuk-label govuk-!-font-size-16" htmlFor="load-progress">
        {progress.finished ? 'Finished' : `${progress.percent}% done`}
      </label>
      <progress id="load-progress" max={100} value={progress.percent}>
        {progress.percent}%
      </progress>
    </div>
  );
}
