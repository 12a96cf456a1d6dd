"""Pantau MPP: the pure core. Never imports Streamlit."""
