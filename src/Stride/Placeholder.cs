namespace Stride; internal static class Placeholder {}
