/** Renders a report through the PDF microservice. */
export async function renderPdf(model: unknown): Promise<Buffer> {
  const response = await fetch(`${process.env.PDF_URL ?? 'http://pdf.internal'}/render`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(model),
  });
  if (!response.ok) throw new Error(`pdf: ${response.status}`);
  return Buffer.from(await response.arrayBuffer());
}
