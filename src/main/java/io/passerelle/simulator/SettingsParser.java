package io.passerelle.simulator;

import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads {@code --name=value} options, falling back to {@code POS_SIM_NAME} environment variables. */
final class SettingsParser {

    static final String ENV_PREFIX = "POS_SIM_";
    private static final String INSTALLATION = "installation";
    private static final List<String> OPTIONS = List.of("host", "port", "passerelle-url", INSTALLATION, "tables",
            "poll-interval", "zone", "currency", "send-attempts", "retry-backoff", "request-timeout", "latency-ms",
            "jitter-ms", "error-rate", "error-status", "retry-after-seconds", "timeout-rate", "timeout-ms",
            "refuse-connections", "duplicate-rate", "out-of-order", "scenarios-per-minute");
    private static final Pattern TABLE_RANGE = Pattern.compile("(\\D*)(\\d+)\\.\\.(\\D*)(\\d+)");
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h)?");

    private final Map<String, String> options = new LinkedHashMap<>();
    private final List<String> installationSpecs = new ArrayList<>();
    private final Map<String, String> environment;

    SettingsParser(List<String> args, Map<String, String> environment) {
        this.environment = environment;
        for (String arg : args) {
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + arg + "': options look like --name=value");
            }
            int equals = arg.indexOf('=');
            String name = equals < 0 ? arg.substring(2) : arg.substring(2, equals);
            // A bare flag (--out-of-order) means true.
            String value = equals < 0 ? "true" : arg.substring(equals + 1);
            if (!OPTIONS.contains(name)) {
                throw new IllegalArgumentException("unknown option --" + name);
            }
            if (name.equals(INSTALLATION)) {
                installationSpecs.add(value);
            } else {
                options.put(name, value);
            }
        }
    }

    SimulatorSettings parse(SimulatorSettings defaults) {
        Knobs knobDefaults = defaults.knobs();
        Knobs knobs = new Knobs(
                number("latency-ms", knobDefaults.latencyMs()),
                number("jitter-ms", knobDefaults.jitterMs()),
                decimal("error-rate", knobDefaults.errorRate()),
                (int) number("error-status", knobDefaults.errorStatus()),
                (int) number("retry-after-seconds", knobDefaults.retryAfterSeconds()),
                decimal("timeout-rate", knobDefaults.timeoutRate()),
                number("timeout-ms", knobDefaults.timeoutMs()),
                flag("refuse-connections", knobDefaults.refuseConnections()),
                decimal("duplicate-rate", knobDefaults.duplicateRate()),
                flag("out-of-order", knobDefaults.outOfOrder()),
                decimal("scenarios-per-minute", knobDefaults.scenariosPerMinute()));
        return new SimulatorSettings(
                text("host", defaults.host()),
                (int) number("port", defaults.port()),
                URI.create(stripTrailingSlash(text("passerelle-url", defaults.passerelleUrl().toString()))),
                installations(),
                value("tables").map(SettingsParser::tables).orElse(defaults.tables()),
                knobs,
                duration("poll-interval", defaults.pollInterval()),
                value("zone").map(ZoneId::of).orElse(defaults.zone()),
                text("currency", defaults.currency()).toUpperCase(Locale.ROOT),
                (int) number("send-attempts", defaults.sendAttempts()),
                duration("retry-backoff", defaults.retryBackoff()),
                duration("request-timeout", defaults.requestTimeout()));
    }

    /** {@code T1..T12,Terrasse 1..Terrasse 4,Bar}: names and numbered ranges, comma separated. */
    static List<String> tables(String spec) {
        List<String> tables = new ArrayList<>();
        for (String part : spec.split(",")) {
            String name = part.trim();
            Matcher range = TABLE_RANGE.matcher(name);
            if (range.matches() && (range.group(3).isEmpty() || range.group(3).equals(range.group(1)))) {
                int first = Integer.parseInt(range.group(2));
                int last = Integer.parseInt(range.group(4));
                for (int number = first; number <= last; number++) {
                    tables.add(range.group(1) + number);
                }
            } else if (!name.isEmpty()) {
                tables.add(name);
            }
        }
        return tables;
    }

    private List<InstallationSettings> installations() {
        List<String> specs = installationSpecs;
        if (specs.isEmpty()) {
            String fromEnvironment = environment.get(ENV_PREFIX + "INSTALLATIONS");
            specs = fromEnvironment == null || fromEnvironment.isBlank()
                    ? List.of()
                    : Arrays.asList(fromEnvironment.trim().split("\\s+"));
        }
        return specs.stream().map(InstallationSettings::parse).toList();
    }

    private Optional<String> value(String name) {
        String given = options.get(name);
        if (given == null) {
            given = environment.get(ENV_PREFIX + name.toUpperCase(Locale.ROOT).replace('-', '_'));
        }
        return Optional.ofNullable(given).map(String::trim).filter(v -> !v.isEmpty());
    }

    private String text(String name, String fallback) {
        return value(name).orElse(fallback);
    }

    private long number(String name, long fallback) {
        return value(name).map(v -> parse(name, v, Long::parseLong)).orElse(fallback);
    }

    private double decimal(String name, double fallback) {
        return value(name).map(v -> parse(name, v, Double::parseDouble)).orElse(fallback);
    }

    private boolean flag(String name, boolean fallback) {
        return value(name).map(v -> switch (v.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1", "on" -> true;
            case "false", "no", "0", "off" -> false;
            default -> throw new IllegalArgumentException("--" + name + " must be true or false, was '" + v + "'");
        }).orElse(fallback);
    }

    /** {@code 30} (seconds), {@code 30s}, {@code 500ms}, {@code 2m}, {@code 1h}. */
    private Duration duration(String name, Duration fallback) {
        return value(name).map(v -> {
            Matcher matcher = DURATION.matcher(v);
            if (!matcher.matches()) {
                throw new IllegalArgumentException("--" + name + " must be a duration like 30s or 500ms, was '" + v + "'");
            }
            long amount = Long.parseLong(matcher.group(1));
            String unit = matcher.group(2) == null ? "s" : matcher.group(2);
            return switch (unit) {
                case "ms" -> Duration.ofMillis(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofSeconds(amount);
            };
        }).orElse(fallback);
    }

    private static <T> T parse(String name, String value, Function<String, T> parser) {
        try {
            return parser.apply(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a number, was '" + value + "'");
        }
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
