/** A button that opens a modal dialog; the dialog's content is mounted only while it is open. */
import { useRef, useState, type ReactNode } from 'react';

export function DialogButton({ label, labelledBy, className = '', children }: { label: string; labelledBy: string; className?: string; children: (close: () => void) => ReactNode }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        onClick={() => {
          setOpen(true);
          dialog.current?.showModal();
        }}
      >
        {label}
      </button>
      <dialog ref={dialog} className={`export-dialog ${className}`.trim()} aria-labelledby={labelledBy} onClose={() => setOpen(false)}>
        {open && children(() => dialog.current?.close())}
      </dialog>
    </>
  );
}
