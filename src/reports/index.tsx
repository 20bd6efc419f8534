/** Reports page entry: mounts the app. */
import { render } from 'preact';
import { applyDocumentLanguage } from '../ui/format';
import { t } from '../ui/i18n';
import { ReportsApp } from './reports-app';

applyDocumentLanguage();
document.title = `${t('reportTitle')} – Loket`;
render(<ReportsApp />, document.getElementById('app')!);
