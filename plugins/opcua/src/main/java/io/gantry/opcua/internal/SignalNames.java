package io.gantry.opcua.internal;

/** Turns a browse name into a signal name the controller takes: a letter, then letters, digits, _, - or . (≤ 64). */
final class SignalNames {
    private static final int MAX = 64;

    private SignalNames() {}

    /**
     * @param browseName what the server calls a variable ({@code Temperature °C}, {@code 3rd axis})
     * @return a valid signal name: other characters become {@code _}, a name not starting with a letter
     *     gets an {@code s} in front ({@code Temperature__C}, {@code s3rd_axis}), and it is cut to 64
     */
    static String of(String browseName) {
        StringBuilder name = new StringBuilder();
        for (char c : browseName.toCharArray()) {
            boolean allowed = c < 128 && (Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.');
            name.append(allowed ? c : '_');
        }
        if (name.isEmpty() || !(name.charAt(0) < 128 && Character.isLetter(name.charAt(0)))) {
            name.insert(0, 's');
        }
        return name.length() > MAX ? name.substring(0, MAX) : name.toString();
    }
}
