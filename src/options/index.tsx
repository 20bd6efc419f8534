/** Options page entry: mounts the tabs (the work queue first, then the settings). */
import { render } from 'preact';
import { applyDocumentLanguage } from '../ui/format';
import { OptionsTabs } from './options-tabs';

applyDocumentLanguage();
render(<OptionsTabs />, document.getElementById('app')!);
