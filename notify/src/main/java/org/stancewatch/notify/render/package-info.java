/**
 * What a notice says to a person: a subject line and a plain-text body ({@link
 * org.stancewatch.notify.render.NoticeText}), the same as escaped HTML ({@link
 * org.stancewatch.notify.render.NoticeHtml}) and a small chart of an alert ({@link
 * org.stancewatch.notify.render.AlertChart}). Pure functions of a delivery: no I/O.
 */
package org.stancewatch.notify.render;
