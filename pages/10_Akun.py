"""Akun: one's own password; admins add accounts, change roles, disable them."""

import streamlit as st

import ui
from mpp.access import accounts

user = ui.page_setup("accounts", must_log_in=True)
st.title(ui.t("accounts"))

st.subheader(ui.t("my_account"))
st.write(f"**{ui.plain(user.username)}** · {ui.t('role_' + user.role)}")
with st.expander(ui.t("change_password")):
    ui.change_password_form(user)

if not user.can("admin"):
    st.stop()

st.subheader(ui.t("all_accounts"))
table = ui.write(accounts.list_users, user)
ui.show_table(table)
roles = {r: ui.t("role_" + r) for r in accounts.ROLES}

with st.form("add_account", clear_on_submit=True):
    st.markdown(f"**{ui.t('add_account')}**")
    name = st.text_input(ui.t("username"))
    role = st.selectbox(ui.t("role"), list(roles), format_func=roles.__getitem__)
    if st.form_submit_button(ui.t("add_account")) and name.strip():
        try:
            password = ui.write(accounts.create_user, user, name.strip(), role)
            st.success(ui.t("account_added", user=ui.plain(name.strip()), password=password))
        except Exception as refused:  # duplicate name, or a role check failing in the core
            st.error(ui.plain(str(refused)))

with st.form("change_role"):
    st.markdown(f"**{ui.t('change_role')}**")
    name = st.selectbox(ui.t("username"), list(table["username"]))
    role = st.selectbox(ui.t("role"), list(roles), format_func=roles.__getitem__)
    disabled = st.checkbox(ui.t("disabled"))
    if st.form_submit_button(ui.t("save")):
        try:
            ui.write(accounts.set_role, user, name, role, disabled)
            st.success(ui.t("saved"))
        except ValueError as refused:  # the last active admin, said in the core's words
            st.error(ui.plain(str(refused)))
