// Browser upload manager: chunked uploads with a progress bar.
const CHUNK = 5 * 1024 * 1024;

async function uploadChunk(uploadId, index, blob) {
  const response = await fetch(`/api/uploads/${uploadId}/chunks/${index}`, { method: 'PUT', body: blob });
  if (!response.ok) throw new Error(`chunk ${index}: ${response.status}`);
}

async function createUpload(file) {
  const response = await fetch('/api/uploads', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: file.name, size: file.size, type: file.type }),
  });
  if (!response.ok) throw new Error(`create upload: ${response.status}`);
  return (await response.json()).id;
}

async function completeUpload(uploadId) {
  const response = await fetch(`/api/uploads/${uploadId}/complete`, { method: 'POST' });
  if (!response.ok) throw new Error(`complete: ${response.status}`);
  return response.json();
}

export async function uploadFile(file, onProgress) {
  const uploadId = await createUpload(file);
  let done = 0;
  const chunks = Math.ceil(file.size / CHUNK);
  for (let i = 0; i < chunks; i++) {
    await uploadChunk(uploadId, i, file.slice(i * CHUNK, (i + 1) * CHUNK));
    done++;
    onProgress(done / chunks);
  }
  return completeUpload(uploadId);
}

export function attachDropZone(zone, { onProgress, onError, onDone }) {
  zone.addEventListener('dragover', (event) => event.preventDefault());
  zone.addEventListener('drop', (event) => {
    event.preventDefault();
    const files = Array.from(event.dataTransfer.files);
    files.forEach(async (file) => { // expect: no-misused-async-callback
      const result = await uploadFile(file, (p) => onProgress(file.name, p));
      onDone(file.name, result);
    });
  });
}

export function attachRetryButton(button, file, handlers) {
  button.addEventListener('click', () => {
    uploadFile(file, (p) => handlers.onProgress(file.name, p))
      .then((result) => handlers.onDone(file.name, result))
      .catch((error) => handlers.onError(file.name, error));
  });
}

export async function uploadAll(files, onProgress) {
  const results = await Promise.all(files.map((file) => uploadFile(file, (p) => onProgress(file.name, p))));
  return results.filter(Boolean);
}
