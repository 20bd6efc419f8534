/** First-run setup entry. */
import { render } from 'preact';
import { applyDocumentLanguage } from '../ui/format';
import { SetupApp } from './setup-app';

applyDocumentLanguage();
render(<SetupApp />, document.getElementById('app')!);
