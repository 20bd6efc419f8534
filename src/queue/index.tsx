/** Work queue entry: starts reading the open cases before the first drawing, then mounts the page. */
import { render } from 'preact';
import { applyDocumentLanguage } from '../ui/format';
import { openCasesReader } from '../ui/open-cases';
import { FIRST_ROWS, QueueApp } from './queue-app';

const readOpen = openCasesReader();
// The most urgent screenful first (a short read, drawn at once), then every open case.
const firstRead = readOpen(FIRST_ROWS);
applyDocumentLanguage();
render(<QueueApp readOpen={readOpen} firstRead={firstRead} />, document.getElementById('app')!);
