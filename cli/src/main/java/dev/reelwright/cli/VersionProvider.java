package dev.reelwright.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar's manifest, which Maven fills in. */
public final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = Main.class.getPackage().getImplementationVersion();
        return new String[] {"reelwright " + (version == null ? "development build" : version),
            "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")"};
    }
}
