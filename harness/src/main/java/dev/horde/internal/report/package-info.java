/**
 * What a run leaves behind: the console summary and progress, the JSON summary, the HdrHistogram log, the HTML
 * summary with its charts and the Allure attachments. Internal: not part of Horde's API, may change in any release without notice.
 */
package dev.horde.internal.report;
