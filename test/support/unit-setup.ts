import 'fake-indexeddb/auto';
import { afterEach } from 'vitest';
import { resetFakeBrowser } from './fake-browser';

afterEach(() => resetFakeBrowser());
