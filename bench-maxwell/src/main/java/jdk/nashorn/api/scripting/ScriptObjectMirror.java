package jdk.nashorn.api.scripting;

/**
 * A stand-in for the Nashorn class that Maxwell 1.22.6's JSON writer tests every value against
 * ({@code value instanceof ScriptObjectMirror}, for values made by its JavaScript filters). Nashorn left the JDK in
 * 15, so on Java 17 that test throws {@link NoClassDefFoundError} for the first row; with this empty class on the
 * class path it is false, as it is for every value of a Maxwell without JavaScript filters. Never instantiated.
 */
public final class ScriptObjectMirror {

    private ScriptObjectMirror() {}
}
