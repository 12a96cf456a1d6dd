"""The satisfaction survey (SKM/IKM): the index arithmetic and a site's survey figures."""
