/**
 * "Add photo": a file input that opens the camera on a tablet (`capture="environment"`) and the
 * file picker on a desktop. It is the focusable control itself (visually a button), so the
 * keyboard reaches it. Each picture is uploaded as soon as it is chosen.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { uploadPhoto, type PhotoDraft } from './photoUpload';
import { errorText } from '../../lib/errorText';

interface Props {
  usagePointId: string;
  photos: readonly PhotoDraft[];
  onAdded(photo: PhotoDraft): void;
  testId: string;
}

export function PhotoInput({ usagePointId, photos, onAdded, testId }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const onFiles = async (files: FileList | null) => {
    if (!files?.length) return;
    setBusy(true);
    setError(null);
    for (const file of Array.from(files)) {
      const result = await uploadPhoto(usagePointId, file);
      if (result.ok) onAdded(result.value);
      else {
        // A photo whose structure the Node side cannot walk to strip its metadata is refused like an unreadable one.
        const unreadable =
          result.error.code === 'UNREADABLE' ||
          (typeof result.error.details === 'object' && result.error.details !== null && 'photo' in result.error.details);
        setError(unreadable ? t('photos.unreadable', { name: file.name }) : errorText(result.error));
      }
    }
    setBusy(false);
  };

  return (
    <div className="photo-input" data-testid={`${testId}-control`} data-uploading={busy ? 'true' : 'false'} data-count={photos.length}>
      <label className="button photo-button" htmlFor={id}>
        {busy ? t('photos.uploading') : t('photos.add')}
      </label>
      <input
        id={id}
        className="visually-hidden-file"
        type="file"
        accept="image/*"
        capture="environment"
        multiple
        data-testid={testId}
        onChange={(e) => {
          const input = e.currentTarget;
          void onFiles(input.files).then(() => (input.value = ''));
        }}
      />
      {photos.length > 0 && (
        <ul className="photo-thumbs" aria-label={t('photos.added')}>
          {photos.map((p) => (
            <li key={p.photoId}>
              <img src={p.thumbUrl} alt={p.fileName} className="photo-thumb" data-testid="photo-draft-thumb" />
            </li>
          ))}
        </ul>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
