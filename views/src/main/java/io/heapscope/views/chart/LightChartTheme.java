package io.heapscope.views.chart;

import atlantafx.base.theme.PrimerLight;
import io.heapscope.views.chart.ThemeProbes.Token;

import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The app's light theme (AtlantaFX Primer Light) for charts drawn without a JavaFX toolkit: reports, the command
 * line, CI. Each {@link Token} means what it means in the window: {@code chart.css} names the theme token a token
 * reads ({@code .probe-chart-1 { -fx-text-fill: -color-chart-1; }}), and the token's value comes from Primer
 * Light's own stylesheet in the AtlantaFX jar. So a report's charts and the window's light theme cannot drift
 * apart, and no colour is written in Java.
 *
 * <p>Reads both stylesheets once (about 170 kB of CSS), on first use.
 */
public final class LightChartTheme implements ChartTheme {
    /** JavaFX's default UI font on desktops is the platform's sans serif; AWT's logical name maps to the same. */
    private static final String FONT_FAMILY = Font.SANS_SERIF;
    private static final Pattern PROBE = Pattern.compile(
            "\\.probe-([a-z0-9-]+)\\s*\\{\\s*-fx-text-fill:\\s*(-[a-z0-9-]+)\\s*;");
    private static final Pattern ROOT = Pattern.compile("(?s)^\\.root\\s*\\{(.*?)}", Pattern.MULTILINE);
    private static final Pattern DECLARATION = Pattern.compile("(-[a-z0-9-]+)\\s*:\\s*([^;]+);");
    private static final Pattern FONT_SIZE = Pattern.compile("-fx-font-size:\\s*([0-9.]+)px");

    private static volatile LightChartTheme instance;

    private final Map<Token, Color> colours;
    private final double fontSize;

    private LightChartTheme(Map<Token, Color> colours, double fontSize) {
        this.colours = colours;
        this.fontSize = fontSize;
    }

    /** The theme, read on first use. */
    public static LightChartTheme get() {
        LightChartTheme theme = instance;
        if (theme == null) {
            synchronized (LightChartTheme.class) {
                if (instance == null) {
                    instance = load();
                }
                theme = instance;
            }
        }
        return theme;
    }

    @Override
    public Color awt(Token token) {
        return colours.get(token);
    }

    @Override
    public Font font(double scale) {
        return new Font(FONT_FAMILY, Font.PLAIN, (int) Math.round(fontSize * scale));
    }

    /** The theme's base font size in pixels ({@code .root}'s {@code -fx-font-size}). */
    public double fontSize() {
        return fontSize;
    }

    private static LightChartTheme load() {
        String probes = resource(ThemeProbes.class, "chart.css");
        String primer = resource(LightChartTheme.class, new PrimerLight().getUserAgentStylesheet());
        Matcher root = ROOT.matcher(primer);
        if (!root.find()) {
            throw new IllegalStateException("no .root block in Primer Light's stylesheet");
        }
        Map<String, String> tokens = new HashMap<>();
        Matcher declaration = DECLARATION.matcher(root.group(1));
        while (declaration.find()) {
            tokens.put(declaration.group(1), declaration.group(2).trim());
        }
        Map<String, String> tokenOfProbe = new HashMap<>();
        Matcher probe = PROBE.matcher(probes);
        while (probe.find()) {
            tokenOfProbe.put(probe.group(1), probe.group(2));
        }
        Map<Token, Color> colours = new EnumMap<>(Token.class);
        for (Token token : Token.values()) {
            String probeName = token.styleClass().substring("probe-".length());
            String name = tokenOfProbe.get(probeName);
            if (name == null) {
                throw new IllegalStateException("chart.css does not say which theme token " + token + " reads");
            }
            colours.put(token, colour(resolve(name, tokens)));
        }
        Matcher size = FONT_SIZE.matcher(root.group(1));
        return new LightChartTheme(colours, size.find() ? Double.parseDouble(size.group(1)) : 14);
    }

    /** Follows a token that names another token ({@code -a: -b;}) to its value. */
    private static String resolve(String name, Map<String, String> tokens) {
        String value = name;
        for (int hops = 0; value.startsWith("-") && hops < 10; hops++) {
            String next = tokens.get(value);
            if (next == null) {
                throw new IllegalStateException("Primer Light has no token " + value);
            }
            value = next;
        }
        return value;
    }

    /** {@code #rgb}, {@code #rrggbb}, {@code #rrggbbaa}, {@code rgb(r, g, b)} or {@code rgba(r, g, b, a)}. */
    static Color colour(String css) {
        String value = css.trim().toLowerCase(Locale.ROOT);
        if (value.startsWith("#")) {
            String hex = value.substring(1);
            if (hex.length() == 3) {
                hex = "" + hex.charAt(0) + hex.charAt(0) + hex.charAt(1) + hex.charAt(1) + hex.charAt(2)
                        + hex.charAt(2);
            }
            int r = Integer.parseInt(hex.substring(0, 2), 16);
            int g = Integer.parseInt(hex.substring(2, 4), 16);
            int b = Integer.parseInt(hex.substring(4, 6), 16);
            int a = hex.length() >= 8 ? Integer.parseInt(hex.substring(6, 8), 16) : 255;
            return new Color(r, g, b, a);
        }
        if (value.startsWith("rgb")) {
            String[] parts = value.substring(value.indexOf('(') + 1, value.lastIndexOf(')')).split(",");
            int r = Integer.parseInt(parts[0].trim());
            int g = Integer.parseInt(parts[1].trim());
            int b = Integer.parseInt(parts[2].trim());
            float a = parts.length > 3 ? Float.parseFloat(parts[3].trim()) : 1f;
            return new Color(r, g, b, Math.round(a * 255));
        }
        throw new IllegalStateException("not a colour this reads: " + css);
    }

    private static String resource(Class<?> anchor, String name) {
        try (InputStream in = anchor.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing stylesheet " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
