package io.gantry.engine.core.internal.shell;

import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Function;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/**
 * A console command whose name has a hyphen ({@code gantry:user-add}). Gogo binds a command to the
 * Java method of the same name, which a hyphen rules out, so such a command is a {@link Function}
 * of its own. Gogo's {@code help} finds help through those methods too and does not list these: each
 * prints its usage with {@code --help}, or when given the wrong number of arguments.
 *
 * @param name     the command's name in scope {@code gantry}
 * @param usage    its arguments, as {@code <name> <role> [password]}
 * @param help     what it does
 * @param required how many arguments it needs
 * @param optional how many more it takes
 * @param body     what it does with its arguments, returning what the console prints
 */
record ConsoleCommand(String name, String usage, String help, int required, int optional, Body body)
        implements Function {
    /** The work of a command. */
    @FunctionalInterface
    interface Body {
        /**
         * @param args the arguments, as many as the command takes
         * @return what the console prints
         */
        String run(List<String> args);
    }

    @Override
    public Object execute(CommandSession session, List<Object> arguments) {
        List<String> args = arguments.stream().map(String::valueOf).toList();
        if (args.equals(List.of("--help")) || args.size() < required || args.size() > required + optional) {
            return usageText();
        }
        return body.run(args);
    }

    /** @return the usage line and the help, as {@code --help} prints them */
    String usageText() {
        return "usage: gantry:" + name + (usage.isEmpty() ? "" : " " + usage) + "\n" + help + "\n";
    }

    /**
     * Registers commands with the console.
     *
     * @param context  the bundle's context
     * @param commands the commands
     * @return their registrations, to unregister when the component stops
     */
    static List<ServiceRegistration<Function>> register(BundleContext context, List<ConsoleCommand> commands) {
        List<ServiceRegistration<Function>> registrations = new ArrayList<>();
        for (ConsoleCommand command : commands) {
            Dictionary<String, Object> properties = new Hashtable<>();
            properties.put(CommandProcessor.COMMAND_SCOPE, "gantry");
            properties.put(CommandProcessor.COMMAND_FUNCTION, command.name());
            registrations.add(context.registerService(Function.class, command, properties));
        }
        return registrations;
    }
}
