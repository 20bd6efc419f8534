/** Popup entry: starts reading the open cases, then mounts the app. */
import { render } from 'preact';
import { applyDocumentLanguage, formatDateTime } from '../ui/format';
import { openCasesReader } from '../ui/open-cases';
import { FIRST_ROWS, PopupApp } from './popup-app';

const readOpen = openCasesReader();
// Asked for before the first drawing: the app's effects run only after the browser has painted it once.
const firstScreen = readOpen(FIRST_ROWS);
applyDocumentLanguage();
render(<PopupApp readOpen={readOpen} firstScreen={firstScreen} />, document.getElementById('app')!);
// While the database answers: the first date formatter of a page loads the browser's locale and time-zone
// data (tens of milliseconds). Made now, it is ready when the rows that show dates arrive.
setTimeout(() => formatDateTime(Date.now()), 0);
