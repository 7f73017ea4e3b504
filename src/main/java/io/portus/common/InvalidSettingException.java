package io.portus.common;

/**
 * A setting (environment variable or property) has a value the application cannot use. Start-up stops
 * with one line: {@code <setting>: <what is wrong>}.
 */
public class InvalidSettingException extends RuntimeException {

    private final String setting;

    public InvalidSettingException(String setting, String problem) {
        super(setting + ": " + problem);
        this.setting = setting;
    }

    public String setting() {
        return setting;
    }
}
