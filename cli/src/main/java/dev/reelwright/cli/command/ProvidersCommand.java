package dev.reelwright.cli.command;

import dev.reelwright.cli.Environment;
import dev.reelwright.cli.ProviderSelection;
import dev.reelwright.core.error.ReelwrightException;
import dev.reelwright.core.model.ProductionSpec;
import dev.reelwright.core.model.SpecLoader;
import dev.reelwright.providers.spi.VendorContext;
import dev.reelwright.providers.spi.VendorModule;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "providers", mixinStandardHelpOptions = true,
        header = "List the vendors, whether each is configured, and the models it serves.",
        description = {"", "A vendor is configured when its key is in the environment (or, for a self-hosted server, its base URL is",
            "set). Pick models in production.yaml under 'models:' (planner, keyframes, clips, speech) by the ids shown here;",
            "point a vendor at a proxy or compatible server with 'providers: <vendor>: base_url: ...' or <VENDOR>_BASE_URL.",
            "Keys never go in production.yaml: 'providers: <vendor>: key_env: NAME' names the variable that holds one.", ""},
        subcommands = ProvidersCommand.Check.class)
public final class ProvidersCommand implements Callable<Integer> {
    private final Environment environment;

    @Option(names = "--spec", paramLabel = "production.yaml", description = "Read base URLs and key variables from this file.")
    Path specFile;

    @Spec
    CommandSpec spec;

    public ProvidersCommand(Environment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        ProviderSelection selection = selection(specFile, environment);
        VendorContext context = selection.context();
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("local", "yes (embedded)", "-", models(selection, "local")));
        for (VendorModule module : selection.vendors().all()) {
            String configured = module.configured(context) ? "yes"
                    : module.keyVariable() == null ? "no: set " + module.vendor().toUpperCase() + "_BASE_URL"
                    : "no: set " + context.keyVariable(module.vendor(), module.keyVariable());
            rows.add(List.of(module.vendor(), configured, module.baseUrl(context).toString(), models(selection, module.vendor())));
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(Tables.render(List.of("vendor", "configured", "base url", "models (* retired)"), rows));
        out.flush();
        return 0;
    }

    static ProviderSelection selection(Path specFile, Environment environment) {
        ProductionSpec production = SpecLoader.load(specFile);
        return ProviderSelection.forRun(production, environment);
    }

    private static String models(ProviderSelection selection, String vendor) {
        return selection.catalog().byVendor(vendor).stream()
                .map(m -> m.id().substring(vendor.length() + 1) + (m.retired() ? "*" : ""))
                .collect(Collectors.joining(", "));
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            header = "Make one cheap authenticated call to each configured vendor and report ok or the error.",
            description = {"", "Exit code 0 when every configured vendor answered, 1 when one failed.", ""})
    public static final class Check implements Callable<Integer> {
        private final Environment environment;

        @Option(names = "--spec", paramLabel = "production.yaml", description = "Read base URLs and key variables from this file.")
        Path specFile;

        @Spec
        CommandSpec spec;

        public Check(Environment environment) {
            this.environment = environment;
        }

        @Override
        public Integer call() {
            ProviderSelection selection = selection(specFile, environment);
            List<List<String>> rows = new ArrayList<>();
            boolean allOk = true;
            for (VendorModule module : selection.vendors().all()) {
                if (!module.configured(selection.context())) {
                    rows.add(List.of(module.vendor(), "skipped", "not configured"));
                    continue;
                }
                try {
                    rows.add(List.of(module.vendor(), "ok", module.check(selection.context())));
                } catch (ReelwrightException e) {
                    allOk = false;
                    rows.add(List.of(module.vendor(), "failed", e.getMessage()));
                }
            }
            PrintWriter out = spec.commandLine().getOut();
            out.print(Tables.render(List.of("vendor", "status", "detail"), rows));
            out.flush();
            return allOk ? 0 : 1;
        }
    }

}
