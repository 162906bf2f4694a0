import { useId, useState, type DragEvent } from 'react';

export interface PickedFile {
  name: string;
  size: number;
  text: string;
}

interface DropZoneProps {
  /** "Bank statement file" */
  label: string;
  hint: string;
  accept: string;
  file: PickedFile | null;
  disabled?: boolean;
  onFile(file: PickedFile): void;
  onUnreadable(message: string): void;
}

const sizeText = (bytes: number) => (bytes < 1024 ? `${bytes} bytes` : bytes < 1024 * 1024 ? `${Math.round(bytes / 1024)} KB` : `${(bytes / (1024 * 1024)).toFixed(1)} MB`);

// FileReader rather than Blob.text(): it is the one every engine the app runs in (jsdom included) provides.
function readPicked(file: File): Promise<PickedFile> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve({ name: file.name, size: file.size, text: typeof reader.result === 'string' ? reader.result : '' });
    reader.onerror = () => reject(reader.error ?? new Error(`could not read ${file.name}`));
    reader.readAsText(file);
  });
}

/** Takes one file dropped on it or chosen with the file picker, and reads its text. */
export function DropZone({ label, hint, accept, file, disabled = false, onFile, onUnreadable }: DropZoneProps) {
  const id = useId();
  const [over, setOver] = useState(false);

  function take(picked: File | undefined) {
    if (!picked || disabled) return;
    readPicked(picked).then(onFile, () => onUnreadable(`Could not read ${picked.name}.`));
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
