/** Popup entry: mounts the app. */
import { render } from 'preact';
import { applyDocumentLanguage } from '../ui/format';
import { PopupApp } from './popup-app';

applyDocumentLanguage();
render(<PopupApp />, document.getElementById('app')!);
