// every console unit test starts in English, from the catalog the build compiles
import { messages } from 'virtual:ringside-catalog/en';
import { i18n } from './i18n';

i18n.loadAndActivate({ locale: 'en', messages });
