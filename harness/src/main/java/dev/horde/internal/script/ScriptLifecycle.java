package dev.horde.internal.script;

import dev.horde.internal.engine.UserScript;
import dev.horde.user.User;
import java.util.List;

/** Set-up, tear-down and release of a virtual user's {@link User} objects, in parameter order. */
abstract class ScriptLifecycle implements UserScript {

    private final List<User> users;
    private final UserTypes.Lifecycle lifecycle;

    ScriptLifecycle(List<User> users, UserTypes.Lifecycle lifecycle) {
        this.users = users;
        this.lifecycle = lifecycle;
    }

    @Override
    public void setUp() throws Exception {
        for (User user : users) {
            user.setUp();
        }
    }

    @Override
    public void tearDown() throws Exception {
        for (User user : users) {
            user.tearDown();
        }
    }

    @Override
    public boolean hasSetUp() {
        return lifecycle.setUp();
    }

    @Override
    public boolean hasTearDown() {
        return lifecycle.tearDown();
    }

    @Override
    public void close() {
        for (User user : users) {
            if (user instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    // releasing must not fail the user: its results are already recorded
                }
            }
        }
    }
}
