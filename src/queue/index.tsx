/** Work queue entry: starts reading the open cases before the first drawing, then mounts the page. */
import { render } from 'preact';
import { applyDocumentLanguage } from '../ui/format';
import { openCasesSource } from './queue-data';
import { QueueApp } from './queue-app';

const readOpen = openCasesSource();
const firstRead = readOpen();
applyDocumentLanguage();
render(<QueueApp readOpen={readOpen} firstRead={firstRead} />, document.getElementById('app')!);
