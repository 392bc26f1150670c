#!/usr/bin/env node
// Compose mails with nodemailer's MailComposer (build() to bytes; nothing is sent).
//
// Usage: node compose.mjs OUTDIR < jobs.json
//
// jobs.json is a JSON list of {"name": "file-stem", "mail": SPEC}. Every job is written to
// OUTDIR/<name>.eml and the list of written paths is printed as JSON on stdout.
//
// SPEC (all strings are plain Unicode; binary content is base64):
//   from: {name, address}            to: [{name, address}]      replyTo: {name, address} | null
//   subject, messageId, date (ISO 8601), inReplyTo, references: [ids]
//   text: str | null                 textCharset: "utf-8" (default) | "gb18030"
//   textBytesBase64: the text already encoded in textCharset (needed when it is not UTF-8)
//   html: str | null                 textEncoding: "quoted-printable" | "base64" | null
//   headers: {name: value}
//   attachments: [{filename, contentType, base64, cid, disposition}]
//   forward: SPEC | null             an earlier mail, composed the same way and attached as message/rfc822
//   forwardFilename: str | null
//
// nodemailer writes every text part as UTF-8. A GB18030 text body is therefore passed as an
// "alternative" with its own Content-Type and the GB18030 bytes: the library's documented way to
// carry a text part in another charset.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import MailComposer from 'nodemailer/lib/mail-composer';

function address(value) {
    return value ? { name: value.name || '', address: value.address } : undefined;
}

async function build(spec) {
    const mail = {
        from: address(spec.from),
        to: (spec.to || []).map(address),
        subject: spec.subject,
        messageId: spec.messageId,
        date: spec.date ? new Date(spec.date) : undefined,
        headers: spec.headers || {},
        attachments: [],
        disableFileAccess: true,
        disableUrlAccess: true,
        // fixed boundaries: the same input gives the same bytes
        baseBoundary: 'foreign-' + (spec.messageId || 'x').replace(/[^A-Za-z0-9]/g, '').slice(0, 24)
    };
    if (spec.replyTo) mail.replyTo = address(spec.replyTo);
    if (spec.inReplyTo) mail.inReplyTo = spec.inReplyTo;
    if (spec.references && spec.references.length) mail.references = spec.references;
    if (spec.textEncoding) mail.textEncoding = spec.textEncoding;

    const charset = (spec.textCharset || 'utf-8').toLowerCase();
    if (spec.text != null) {
        if (charset === 'utf-8') {
            mail.text = spec.text;
        } else {
            // Node's TextEncoder only writes UTF-8, so the caller sends the encoded bytes
            if (!spec.textBytesBase64) throw new Error(`text in ${charset} needs textBytesBase64`);
            mail.alternatives = [
                {
                    contentType: `text/plain; charset=${charset}`,
                    content: Buffer.from(spec.textBytesBase64, 'base64'),
                    contentTransferEncoding: spec.textEncoding || 'base64'
                }
            ];
        }
    }
    if (spec.html != null) mail.html = spec.html;

    for (const item of spec.attachments || []) {
        const attachment = {
            filename: item.filename,
            contentType: item.contentType,
            content: Buffer.from(item.base64, 'base64')
        };
        if (item.cid) attachment.cid = item.cid;
        if (item.disposition) attachment.contentDisposition = item.disposition;
        mail.attachments.push(attachment);
    }
    if (spec.forward) {
        const inner = await build(spec.forward);
        const attachment = { contentType: 'message/rfc822', content: inner, contentDisposition: 'attachment' };
        if (spec.forwardFilename) attachment.filename = spec.forwardFilename;
        mail.attachments.push(attachment);
    }
    const composer = new MailComposer(mail);
    return await composer.compile().build();
}

async function main() {
    const outDir = process.argv[2];
    if (!outDir) {
        console.error('usage: node compose.mjs OUTDIR < jobs.json');
        process.exit(2);
    }
    mkdirSync(outDir, { recursive: true });
    const jobs = JSON.parse(readFileSync(0, 'utf8'));
    const written = [];
    for (const job of jobs) {
        const bytes = await build(job.mail);
        const path = join(outDir, job.name + '.eml');
        mkdirSync(dirname(path), { recursive: true });
        writeFileSync(path, bytes);
        written.push(path);
    }
    process.stdout.write(JSON.stringify(written) + '\n');
}

main().catch(error => {
    console.error(error && error.stack ? error.stack : String(error));
    process.exit(1);
});
