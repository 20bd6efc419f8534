/** Options page entry: mounts the app. */
import { render } from 'preact';
import { applyDocumentLanguage } from '../ui/format';
import { OptionsApp } from './options-app';

applyDocumentLanguage();
render(<OptionsApp />, document.getElementById('app')!);
