def navigation(request):
    from dialogue.staff.navigation import menu_for

    return {"nav_items": menu_for(request)}
