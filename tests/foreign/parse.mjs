#!/usr/bin/env node
// Parse .eml files with two independent parsers, postal-mime and mailparser's simpleParser,
// and print one JSON object per file: {"file": path, "postal": VIEW, "mailparser": VIEW}.
//
// Usage: node parse.mjs FILE.eml [FILE.eml ...]
//
// VIEW is the same shape for both parsers so that the caller can compare them field by field:
//   subject, from: {name, address}, to: [{name, address}], replyTo: [{name, address}],
//   inReplyTo, references: [ids], messageId, text, htmlLength,
//   attachments: [{filename, mimeType, size, sha256, contentId, disposition}]
// A parser that throws yields {"error": message} instead of a VIEW.
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import PostalMime from 'postal-mime';
import { simpleParser } from 'mailparser';

const sha256 = bytes => createHash('sha256').update(bytes).digest('hex');
const bare = id => (id ? String(id).trim() : null);
const idList = value => {
    if (!value) return [];
    const text = Array.isArray(value) ? value.join(' ') : String(value);
    return text.match(/<[^<>\s]+>/g) || [];
};
const cid = value => (value ? String(value).trim().replace(/^<|>$/g, '') : null);

function mailbox(value) {
    return value ? { name: value.name || '', address: (value.address || '').toLowerCase() } : null;
}

function postalView(email) {
    return {
        subject: email.subject ?? null,
        from: mailbox(email.from),
        to: (email.to || []).map(mailbox),
        replyTo: (email.replyTo || []).map(mailbox),
        inReplyTo: bare(email.inReplyTo),
        references: idList(email.references),
        messageId: bare(email.messageId),
        text: email.text ?? null,
        htmlLength: email.html ? email.html.length : 0,
        attachments: (email.attachments || []).map(item => {
            const bytes = Buffer.from(item.content);
            return {
                filename: item.filename ?? null,
                mimeType: (item.mimeType || '').toLowerCase(),
                size: bytes.length,
                sha256: sha256(bytes),
                contentId: cid(item.contentId),
                disposition: item.disposition ?? null
            };
        })
    };
}

function addressList(value) {
    if (!value) return [];
    const groups = Array.isArray(value) ? value : [value];
    return groups.flatMap(group => group.value || []).map(mailbox);
}

function mailparserView(email) {
    const from = addressList(email.from);
    return {
        subject: email.subject ?? null,
        from: from.length ? from[0] : null,
        to: addressList(email.to),
        replyTo: addressList(email.replyTo),
        inReplyTo: bare(email.inReplyTo),
        references: idList(email.references),
        messageId: bare(email.messageId),
        text: email.text ?? null,
        htmlLength: email.html ? email.html.length : 0,
        attachments: (email.attachments || []).map(item => ({
            filename: item.filename ?? null,
            mimeType: (item.contentType || '').toLowerCase(),
            size: item.content.length,
            sha256: sha256(item.content),
            contentId: cid(item.contentId || item.cid),
            disposition: item.contentDisposition ?? null
        }))
    };
}

async function attempt(parse) {
    try {
        return await parse();
    } catch (error) {
        return { error: String(error && error.message ? error.message : error) };
    }
}

async function main() {
    const files = process.argv.slice(2);
    if (!files.length) {
        console.error('usage: node parse.mjs FILE.eml [FILE.eml ...]');
        process.exit(2);
    }
    for (const file of files) {
        const raw = readFileSync(file);
        const postal = await attempt(async () =>
            postalView(await PostalMime.parse(raw, { forceRfc822Attachments: true, attachmentEncoding: 'arraybuffer' }))
        );
        const mailparser = await attempt(async () => mailparserView(await simpleParser(raw, { skipImageLinks: true })));
        process.stdout.write(JSON.stringify({ file, postal, mailparser }) + '\n');
    }
}

main().catch(error => {
    console.error(error && error.stack ? error.stack : String(error));
    process.exit(1);
});
