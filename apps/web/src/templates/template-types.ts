import type { inferOutput } from '@trpc/tanstack-react-query';
import type { trpc } from '../trpc';

/** What the templates procedures answer, as the console reads them (dates arrive as ISO strings). */
export type TemplateSummary = inferOutput<typeof trpc.templates.list>[number];
export type TemplateDetail = inferOutput<typeof trpc.templates.get>;
export type TemplateKind = TemplateSummary['kind'];
export type TemplateContent = TemplateDetail['draft'];
export type TemplateFormat = TemplateContent['format'];
export type TemplateProblem = TemplateDetail['problems'][number];
export type TemplateField = TemplateProblem['field'];
export type TemplateVersionInfo = TemplateDetail['versions'][number];
export type TemplatePreview = inferOutput<typeof trpc.templates.preview>;
