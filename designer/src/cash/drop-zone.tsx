import { useId, useState, type DragEvent } from 'react';

/** The file as picked: sent byte for byte, so the server reads its encoding as the bank wrote it. */
export interface PickedFile {
  name: string;
  size: number;
  content: Blob;
}

interface DropZoneProps {
  /** "Bank statement file" */
  label: string;
  hint: string;
  accept: string;
  file: PickedFile | null;
  disabled?: boolean;
  onFile(file: PickedFile): void;
}

const sizeText = (bytes: number) => (bytes < 1024 ? `${bytes} bytes` : bytes < 1024 * 1024 ? `${Math.round(bytes / 1024)} KB` : `${(bytes / (1024 * 1024)).toFixed(1)} MB`);

/** Takes one file dropped on it or chosen with the file picker. */
export function DropZone({ label, hint, accept, file, disabled = false, onFile }: DropZoneProps) {
  const id = useId();
  const [over, setOver] = useState(false);

  function take(picked: File | undefined) {
    if (!picked || disabled) return;
    onFile({ name: picked.name, size: picked.size, content: picked });
  }

  function drop(event: DragEvent<HTMLDivElement>) {
    event.preventDefault();
    setOver(false);
    take(event.dataTransfer.files[0]);
  }

  return (
    <div
      className={`drop-zone${over ? ' drop-zone--over' : ''}${disabled ? ' drop-zone--disabled' : ''}`}
      data-testid="drop-zone"
      onDragOver={(event) => {
        // Without preventDefault the browser opens the dropped file instead of handing it to the page.
        event.preventDefault();
        if (!disabled) setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={drop}
    >
      <p className="drop-zone__title">{label}</p>
      <p className="drop-zone__hint">{hint}</p>
      <label className="button button--small" htmlFor={`${id}-file`}>
        Choose a file
      </label>
      <input
        id={`${id}-file`}
        className="drop-zone__input"
        type="file"
        accept={accept}
        aria-label={label}
        disabled={disabled}
        onChange={(event) => {
          take(event.target.files?.[0]);
          // The same file chosen again after a fix must fire change again.
          event.target.value = '';
        }}
      />
      <p className="drop-zone__file" role="status">
        {file ? `${file.name} (${sizeText(file.size)}) is ready to import.` : 'No file chosen yet.'}
      </p>
    </div>
  );
}
