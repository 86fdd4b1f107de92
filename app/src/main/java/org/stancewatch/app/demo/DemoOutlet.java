package org.stancewatch.app.demo;

/**
 * A fictional outlet of the demo site.
 *
 * @param id          folder name of its articles, e.g. {@code baltic-ledger}
 * @param name        display name
 * @param domain      its (fictional) domain, used in canonical URLs
 * @param description one line about it
 * @param style       its kind of markup ({@code wire}, {@code daily}, {@code magazine} or {@code
 *                    review}), or null to take the next in that order
 */
public record DemoOutlet(String id, String name, String domain, String description, String style) {}
