// Child process of `npm run bench`: runs one subject over the corpus and prints one JSON line.
import { countWords, loadCorpus } from './corpus.js';
import { SUBJECTS, itemCount } from './subjects.js';

const [name, corpusDir, limitText, repeatText, language] = process.argv.slice(2);
const factory = name ? SUBJECTS[name] : undefined;
if (!factory || !corpusDir) throw new Error(`usage: run-subject NAME CORPUS [LIMIT] [REPEAT] [LANGUAGE]; names: ${Object.keys(SUBJECTS).join(', ')}`);
const started = performance.now();
const run = await factory({ language: language || undefined });
const setupMs = performance.now() - started;
const corpus = loadCorpus(corpusDir).slice(0, limitText ? Number(limitText) : undefined);
const repeat = repeatText ? Number(repeatText) : 1;
// One warm-up pass over a few documents so the JIT has seen the code.
for (const doc of corpus.slice(0, 20)) run(doc.text);
let words = 0;
let docs = 0;
let items = 0;
const cpu0 = process.cpuUsage();
const t0 = performance.now();
for (let r = 0; r < repeat; r++) {
  for (const doc of corpus) {
    items += itemCount(run(doc.text));
    words += countWords(doc.text);
    docs++;
  }
}
const seconds = (performance.now() - t0) / 1000;
const cpu = process.cpuUsage(cpu0);
// CPU seconds beside the wall time: on a shared machine the wall time counts the other processes too
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
process.stdout.write(`${JSON.stringify({ name, docs, words, items, seconds, cpuSeconds, setupMs, maxRssMb: process.resourceUsage().maxRSS / 1024 })}\n`);
