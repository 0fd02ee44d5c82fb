import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';

export interface PostedReport {
  status: number;
  body: string;
}

/** POSTs the file as it is, streamed from disk, with `Content-Type: application/json`. */
export async function postReport(
  url: URL,
  file: string,
  token: string | undefined,
): Promise<PostedReport> {
  const { size } = await fs.promises.stat(file);
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const request = client.request(
      url,
      {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'Content-Length': size,
          ...(token && { Authorization: `Bearer ${token}` }),
        },
      },
      response => {
        const chunks: Buffer[] = [];
        response.on('data', chunk => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    const stream = fs.createReadStream(file);
    stream.on('error', error => request.destroy(error));
    stream.pipe(request);
  });
}
