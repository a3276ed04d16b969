package io.qnt9.ci;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code helm lint --strict} and {@code helm template} with the Helm library that helm-java bundles.
 *
 * <p>Arguments: {@code CHART OUT_DIR SCENARIO...}; a scenario is {@code name=valuesFile[,key=value...]}
 * ({@code valuesFile} relative to the chart, {@code -} for the chart defaults). A scenario whose name starts
 * with {@code fail-} must fail to render: it proves the chart's own value checks. Every other scenario is
 * written to {@code OUT_DIR/name.yaml} for the schema validation that follows. Exit status 1 on any problem.
 */
public final class HelmCheck {

    private HelmCheck() {}

    public static void main(String[] args) throws IOException {
        if (args.length < 3) {
            System.err.println("usage: HelmCheck CHART OUT_DIR name=valuesFile[,key=value...]...");
            System.exit(2);
        }
        Path chart = Path.of(args[0]).toAbsolutePath().normalize();
        Path out = Files.createDirectories(Path.of(args[1]));
        List<String> problems = new ArrayList<>();
        Helm helm = new Helm(chart);

        LintResult lint = helm.lint().strict().call();
        lint.getMessages().forEach(m -> System.out.println("lint: " + m));
        if (lint.isFailed()) {
            problems.add("helm lint --strict failed");
        } else {
            System.out.println("helm lint --strict: ok (" + chart.getFileName() + ")");
        }

        for (int i = 2; i < args.length; i++) {
            String[] parts = args[i].split(",");
            String[] head = parts[0].split("=", 2);
            String name = head[0];
            String valuesFile = head.length > 1 ? head[1] : "-";
            TemplateCommand template = helm.template()
                    .withName("qnt9-srs")
                    .withNamespace("qnt9")
                    .withKubeVersion("1.31.0");
            if (!"-".equals(valuesFile)) {
                template = template.withValuesFile(chart.resolve(valuesFile));
            }
            for (int p = 1; p < parts.length; p++) {
                String[] kv = parts[p].split("=", 2);
                template = template.set(kv[0], kv[1]);
            }
            boolean mustFail = name.startsWith("fail-");
            try {
                String manifests = template.call();
                if (mustFail) {
                    problems.add(name + ": rendered, but these values must be rejected");
                } else {
                    Files.writeString(out.resolve(name + ".yaml"), manifests);
                    long objects = manifests.lines().filter(l -> l.startsWith("kind: ")).count();
                    System.out.printf("helm template %-22s ok: %d objects -> %s%n", name, objects, out.resolve(name + ".yaml"));
                }
            } catch (RuntimeException e) {
                if (mustFail) {
                    System.out.printf("helm template %-22s rejected as expected: %s%n", name, firstLine(e.getMessage()));
                } else {
                    problems.add(name + ": " + e.getMessage());
                }
            }
        }
        problems.forEach(p -> System.err.println("FAIL " + p));
        System.exit(problems.isEmpty() ? 0 : 1);
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }
}
