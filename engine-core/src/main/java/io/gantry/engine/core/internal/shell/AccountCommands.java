package io.gantry.engine.core.internal.shell;

import io.gantry.engine.api.error.InvalidConfigException;
import io.gantry.engine.api.security.AuditTrail;
import io.gantry.engine.api.security.IssuedToken;
import io.gantry.engine.api.security.Role;
import io.gantry.engine.api.security.TokenInfo;
import io.gantry.engine.api.security.UserAdministration;
import io.gantry.engine.api.security.UserInfo;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.apache.felix.service.command.Function;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Console commands for users and API tokens: {@code gantry:user-list}, {@code user-add},
 * {@code user-passwd}, {@code user-role}, {@code user-remove}, {@code token-list},
 * {@code token-create}, {@code token-revoke}. They call the same use case as {@code /api/users} and
 * {@code /api/tokens}, and are how an operator with access to the console gets back in when the
 * admin's credentials are lost. Every change is in the audit trail, by {@value #SHELL} from
 * {@value #SHELL}.
 */
@Component(service = {})
public final class AccountCommands {
    private static final Logger LOG = LoggerFactory.getLogger(AccountCommands.class);
    /** Who the audit trail names for these commands, and where they came from. */
    static final String SHELL = ShellAudit.SHELL;

    private static final String RECOVERY = "Lost the admin's credentials? gantry:token-create admin admin recovery"
            + " prints a new admin token; when user admin is gone too, gantry:user-add admin admin first.";

    private final UserAdministration users;
    private final ShellAudit shellAudit;
    private final Clock clock;
    private final List<ServiceRegistration<Function>> registrations;

    /**
     * @param context registers the commands with the console
     * @param users   the users and tokens
     * @param audit   where every change is recorded
     */
    @Activate
    public AccountCommands(BundleContext context, @Reference UserAdministration users, @Reference AuditTrail audit) {
        this.users = users;
        this.clock = Clock.systemUTC();
        this.shellAudit = new ShellAudit(audit, clock);
        this.registrations = ConsoleCommand.register(context, commands());
    }

    /** Built by a test, not registered anywhere. */
    AccountCommands(UserAdministration users, AuditTrail audit, Clock clock) {
        this.users = users;
        this.clock = clock;
        this.shellAudit = new ShellAudit(audit, clock);
        this.registrations = List.of();
    }

    @Deactivate
    void deactivate() {
        for (ServiceRegistration<Function> registration : registrations) {
            try {
                registration.unregister();
            } catch (IllegalStateException e) {
                // teardown: already gone with the bundle
                LOG.debug("a console command was unregistered already", e);
            }
        }
    }

    /** @return the commands, as the console gets them */
    List<ConsoleCommand> commands() {
        return List.of(
                new ConsoleCommand(
                        "user-list",
                        "",
                        "lists the users: name, role, whether they have a password, when created",
                        0,
                        0,
                        args -> userList()),
                new ConsoleCommand(
                        "user-add",
                        "<name> <role> [password]",
                        "adds a user (roles: viewer, operator, engineer, admin); without a password it logs in with"
                                + " tokens only. The password shows in the console's history: prefer setting it over"
                                + " the REST API. " + RECOVERY,
                        2,
                        1,
                        args -> userAdd(args.get(0), args.get(1), args.size() > 2 ? args.get(2) : null)),
                new ConsoleCommand(
                        "user-passwd",
                        "<name> <password>",
                        "sets a user's password (12 to 1024 characters)",
                        2,
                        0,
                        args -> userPasswd(args.get(0), args.get(1))),
                new ConsoleCommand(
                        "user-role",
                        "<name> <role>",
                        "changes a user's role; lowering it lowers the user's tokens too. The last admin cannot be"
                                + " demoted",
                        2,
                        0,
                        args -> userRole(args.get(0), args.get(1))),
                new ConsoleCommand(
                        "user-remove",
                        "<name>",
                        "removes a user and revokes its tokens. The last admin cannot be removed",
                        1,
                        0,
                        args -> userRemove(args.get(0))),
                new ConsoleCommand(
                        "token-list",
                        "[user]",
                        "lists API tokens, newest first, revoked ones included; only a user's when given",
                        0,
                        1,
                        args -> tokenList(args.isEmpty() ? null : args.get(0))),
                new ConsoleCommand(
                        "token-create",
                        "<user> <role> [name] [days]",
                        "creates an API token for a user, at most the user's role, named 'shell' unless named,"
                                + " expiring after the days given or never; prints its secret, once. " + RECOVERY,
                        2,
                        2,
                        args -> tokenCreate(
                                args.get(0),
                                args.get(1),
                                args.size() > 2 ? args.get(2) : SHELL,
                                args.size() > 3 ? args.get(3) : null)),
                new ConsoleCommand(
                        "token-revoke",
                        "<id>",
                        "revokes an API token (tok_…): requests, sessions and event streams using it stop",
                        1,
                        0,
                        args -> tokenRevoke(args.get(0))));
    }

    String userList() {
        Table table = new Table("USER", "ROLE", "PASSWORD", "CREATED");
        for (UserInfo user : users.users()) {
            table.row(user.name(), user.role().id(), user.hasPassword() ? "yes" : "no", user.createdAt());
        }
        return table.toString();
    }

    String userAdd(String name, String role, String password) {
        String detail = "role=" + role + (password == null ? ", no password" : ", with a password");
        return audited("user-add", "user/" + name, detail, () -> {
            UserInfo user = users.createUser(name, role(role), password);
            return "user " + user.name() + " added, role " + user.role().id()
                    + (user.hasPassword()
                            ? ""
                            : "; it logs in with a token: gantry:token-create " + user.name() + " "
                                    + user.role().id());
        });
    }

    String userPasswd(String name, String password) {
        return audited("user-passwd", "user/" + name, "", () -> {
            users.updateUser(name, null, password);
            return "password of user " + name + " changed";
        });
    }

    String userRole(String name, String role) {
        return audited("user-role", "user/" + name, "role=" + role, () -> {
            UserInfo user = users.updateUser(name, role(role), null);
            return "user " + user.name() + " now has role " + user.role().id()
                    + "; none of its tokens has a higher one";
        });
    }

    String userRemove(String name) {
        return audited("user-remove", "user/" + name, "", () -> {
            users.deleteUser(name);
            return "user " + name + " removed, its tokens revoked";
        });
    }

    String tokenList(String user) {
        Table table = new Table("TOKEN", "NAME", "USER", "ROLE", "CREATED", "EXPIRES", "LAST USED", "REVOKED");
        for (TokenInfo token : users.tokens(user)) {
            table.row(
                    token.id(),
                    token.name(),
                    token.user(),
                    token.role().id(),
                    token.createdAt(),
                    token.expiresAt() == null ? "never" : token.expiresAt(),
                    token.lastUsedAt(),
                    token.revokedAt());
        }
        return table.toString();
    }

    String tokenCreate(String user, String role, String name, String days) {
        String asked = "role=" + role + ", name=" + name + ", " + (days == null ? "no expiry" : "days=" + days);
        String[] id = new String[1];
        // the secret goes to the console only: never into the audit trail or a log
        return audited("token-create", "user/" + user, () -> id[0] == null ? asked : id[0] + ", " + asked, () -> {
            IssuedToken token = users.createToken(user, name, role(role), expiry(days));
            id[0] = token.info().id();
            return "token " + token.info().id() + " for user " + user + ", role "
                    + token.info().role().id()
                    + ", expires "
                    + (token.info().expiresAt() == null ? "never" : token.info().expiresAt())
                    + ":\n" + token.secret() + "\n"
                    + "this secret is shown only now: store it safely; revoke it with gantry:token-revoke "
                    + token.info().id();
        });
    }

    String tokenRevoke(String id) {
        return audited("token-revoke", "token/" + id, "", () -> {
            TokenInfo token = users.revokeToken(id);
            return "token " + token.id() + " of user " + token.user() + " revoked at " + token.revokedAt();
        });
    }

    /** Runs a change and records it, whatever its outcome; the change's own exception reaches the console. */
    private String audited(String action, String target, String detail, Supplier<String> change) {
        return shellAudit.audited(action, target, () -> detail, change);
    }

    private String audited(String action, String target, Supplier<String> detail, Supplier<String> change) {
        return shellAudit.audited(action, target, detail, change);
    }

    private static Role role(String id) {
        try {
            return Role.of(id);
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigException(e.getMessage(), e);
        }
    }

    private Instant expiry(String days) {
        if (days == null) {
            return null;
        }
        try {
            return clock.instant().plus(Duration.ofDays(Long.parseLong(days)));
        } catch (NumberFormatException e) {
            throw new InvalidConfigException("days must be a whole number, not '" + days + "'", e);
        }
    }
}
