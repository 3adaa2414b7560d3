import type { RegistryFieldsType, RegistryWidgetsType } from '@rjsf/utils';
import { ConditionField, DurationField, PropertyFiltersField, RecordField, WeekdaysField } from './form-fields';
import { ArrayFieldItemTemplate, ArrayFieldTemplate, FieldTemplate, ObjectFieldTemplate } from './form-templates';
import {
  CronWidget,
  EmailTemplateWidget,
  EventNameWidget,
  LiquidHtmlWidget,
  LiquidWidget,
  PropertyNameWidget,
  TimeOfDayWidget,
  TimeZoneWidget,
  TopicWidget,
  TraitNameWidget,
} from './form-widgets';

/** The names ui-schema.ts writes, bound to their components. Module scope: rjsf compares them by identity. */
export const fields: RegistryFieldsType = {
  duration: DurationField,
  weekdays: WeekdaysField,
  condition: ConditionField,
  propertyFilters: PropertyFiltersField,
  record: RecordField,
};

export const widgets: RegistryWidgetsType = {
  timeOfDay: TimeOfDayWidget,
  timeZone: TimeZoneWidget,
  eventName: EventNameWidget,
  propertyName: PropertyNameWidget,
  traitName: TraitNameWidget,
  liquid: LiquidWidget,
  liquidHtml: LiquidHtmlWidget,
  cron: CronWidget,
  emailTemplate: EmailTemplateWidget,
  topic: TopicWidget,
};

export const templates = { FieldTemplate, ObjectFieldTemplate, ArrayFieldTemplate, ArrayFieldItemTemplate };
