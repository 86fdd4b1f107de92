package org.stancewatch.notify.config;

/**
 * A channel's settings that a {@link ChannelFactory} refuses: reported with {@code alerts.yml}'s
 * file and line like every other problem of the file.
 */
public class ChannelSettingsException extends Exception {
    private final String field;

    /**
     * @param field   the setting at fault, as written under the channel (e.g. {@code url}); empty for the channel as a whole
     * @param message what is wrong and what to write instead
     */
    public ChannelSettingsException(String field, String message) {
        super(message);
        this.field = field == null ? "" : field;
    }

    public String field() {
        return field;
    }
}
