import { type ReactNode, useEffect, useId, useRef } from "react";

type ModalDialogProps = {
  /** The dialog's heading, which also names it. */
  title: string;
  /** Escape, or a Cancel button inside: the parent stops rendering the dialog. */
  onClose: () => void;
  children: ReactNode;
};

/**
 * A modal <dialog>: rendered while open, shown with showModal() so the page behind is inert
 * and Escape closes it; focus goes to its first control and back to whatever opened it.
 * (jsdom has no showModal: there it is simply an open dialog.)
 */
export function ModalDialog({ title, onClose, children }: ModalDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (typeof dialog.showModal === "function") {
      if (!dialog.open) dialog.showModal();
    } else {
      dialog.setAttribute("open", "");
    }
    dialog.querySelector<HTMLElement>("input, select, textarea, button")?.focus();
    return () => {
      if (typeof dialog.close === "function" && dialog.open) dialog.close();
      opener?.focus();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      className="modal-dialog"
      aria-labelledby={titleId}
      onCancel={(event) => {
        // The browser would close it behind React's back: let the parent unmount it instead.
        event.preventDefault();
        onClose();
      }}
      onKeyDown={(event) => {
        if (event.key !== "Escape") return;
        event.preventDefault();
        event.stopPropagation();
        onClose();
      }}
    >
      <h2 id={titleId} className="modal-dialog__title">
        {title}
      </h2>
      {children}
    </dialog>
  );
}
