export interface OutgoingMail {
  to: string;
  html: string;
  dkimKey: string;
}

export const mailer = {
  async send(mail: OutgoingMail): Promise<void> {
    const response = await fetch(`${process.env.MAIL_API}/send`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${process.env.MAIL_TOKEN}` },
      body: JSON.stringify(mail),
    });
    if (!response.ok) throw new Error(`mail api ${response.status}`);
  },

  async sendBatch(mails: Array<{ to: string; html: string }>, dkimKey: string): Promise<void> {
    const response = await fetch(`${process.env.MAIL_API}/batch`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ mails, dkimKey }),
    });
    if (!response.ok) throw new Error(`mail api ${response.status}`);
  },
};
