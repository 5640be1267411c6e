package org.mysqlreplication.cli;

/** Entry point of the {@code mysql-replication} command. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.out.println("mysql-replication: not implemented yet");
    }
}
